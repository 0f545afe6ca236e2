/* For the Windows tests under Wine only, never shipped: Wine 8 lacks bcryptprimitives.dll,
 * whose ProcessPrng Rust's standard library calls at start-up (Windows 10 and 11 have it).
 * Placed beside the .exe under test, this stands in for it with the older RtlGenRandom. */
#include <windows.h>
#include <ntsecapi.h>

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    while (len > 0) {
        ULONG chunk = len > 0x40000000 ? 0x40000000 : (ULONG)len;
        if (!RtlGenRandom(data, chunk))
            return FALSE;
        data += chunk;
        len -= chunk;
    }
    return TRUE;
}
