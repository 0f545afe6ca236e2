; The Windows installer (NSIS 3; makensis runs on Linux and on Windows):
;   makensis -DVERSION=0.1.0 -DEXE=$PWD/target/x86_64-pc-windows-gnu/release/yitihua.exe \
;            -DOUT=$PWD/target/installer/yitihua-0.1.0-windows-x64-setup.exe packaging/windows/yitihua.nsi
; Compile-time paths use / (makensis takes them on Linux and Windows).
; Per user, without administrator rights: the program goes to %LOCALAPPDATA%\Programs\yitihua,
; the shortcut to the user's Start menu, the .yth and .yhz associations to HKCU. /S installs silently;
; "uninstall.exe /S" removes it silently.

; 64-bit like the program it installs (and so wine64 runs it in the tests).
Target amd64-unicode
ManifestDPIAware true
SetCompressor /SOLID lzma
RequestExecutionLevel user

!include "MUI2.nsh"

!define APP "工学一体化申报助手"
!define KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\yitihua"
!define CLASS "yitihua.School"
; The receiving office's 汇总文件.
!define ROLLUP_CLASS "yitihua.Rollup"
; makensis works in the script's own folder.
!define ROOT "../.."

Name "${APP}"
OutFile "${OUT}"
InstallDir "$LOCALAPPDATA\Programs\yitihua"
InstallDirRegKey HKCU "${KEY}" "InstallLocation"
BrandingText "${APP} ${VERSION}"
VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=2052 "ProductName" "${APP}"
VIAddVersionKey /LANG=2052 "FileDescription" "${APP} 安装程序"
VIAddVersionKey /LANG=2052 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "LegalCopyright" "yitihua founders, MIT"

!define MUI_ICON "${ROOT}/assets/icons/yitihua.ico"
!define MUI_UNICON "${ROOT}/assets/icons/yitihua.ico"
!define MUI_FINISHPAGE_RUN "$INSTDIR\yitihua.exe"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"

Function .onInit
    SetShellVarContext current
FunctionEnd

Function un.onInit
    SetShellVarContext current
FunctionEnd

Section "install"
    SetOutPath "$INSTDIR"
    File "/oname=yitihua.exe" "${EXE}"
    File "${ROOT}/assets/icons/yitihua.ico"
    SetOutPath "$INSTDIR\licences"
    File "/oname=Noto-Sans-CJK-OFL.txt" "${ROOT}/assets/fonts/OFL.txt"
    SetOutPath "$INSTDIR"
    WriteUninstaller "$INSTDIR\uninstall.exe"

    CreateShortcut "$SMPROGRAMS\${APP}.lnk" "$INSTDIR\yitihua.exe" "" "$INSTDIR\yitihua.exe" 0

    ; .yth files open in the app and show its icon (per user: no administrator rights).
    WriteRegStr HKCU "Software\Classes\.yth" "" "${CLASS}"
    WriteRegStr HKCU "Software\Classes\.yth\OpenWithProgids" "${CLASS}" ""
    WriteRegStr HKCU "Software\Classes\${CLASS}" "" "${APP}学校文件"
    WriteRegStr HKCU "Software\Classes\${CLASS}\DefaultIcon" "" "$INSTDIR\yitihua.ico,0"
    WriteRegStr HKCU "Software\Classes\${CLASS}\shell\open\command" "" '"$INSTDIR\yitihua.exe" "%1"'
    WriteRegStr HKCU "Software\Classes\.yhz" "" "${ROLLUP_CLASS}"
    WriteRegStr HKCU "Software\Classes\.yhz\OpenWithProgids" "${ROLLUP_CLASS}" ""
    WriteRegStr HKCU "Software\Classes\${ROLLUP_CLASS}" "" "${APP}汇总文件"
    WriteRegStr HKCU "Software\Classes\${ROLLUP_CLASS}\DefaultIcon" "" "$INSTDIR\yitihua.ico,0"
    WriteRegStr HKCU "Software\Classes\${ROLLUP_CLASS}\shell\open\command" "" '"$INSTDIR\yitihua.exe" "%1"'

    WriteRegStr HKCU "${KEY}" "DisplayName" "${APP}"
    WriteRegStr HKCU "${KEY}" "DisplayVersion" "${VERSION}"
    WriteRegStr HKCU "${KEY}" "Publisher" "yitihua"
    WriteRegStr HKCU "${KEY}" "DisplayIcon" "$INSTDIR\yitihua.exe,0"
    WriteRegStr HKCU "${KEY}" "InstallLocation" "$INSTDIR"
    WriteRegStr HKCU "${KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
    WriteRegStr HKCU "${KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
    WriteRegDWORD HKCU "${KEY}" "NoModify" 1
    WriteRegDWORD HKCU "${KEY}" "NoRepair" 1
    ; Explorer redraws .yth icons now rather than after the next sign-in.
    System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd

Section "uninstall"
    Delete "$INSTDIR\yitihua.exe"
    Delete "$INSTDIR\yitihua.ico"
    Delete "$INSTDIR\licences\Noto-Sans-CJK-OFL.txt"
    RMDir "$INSTDIR\licences"
    Delete "$INSTDIR\uninstall.exe"
    RMDir "$INSTDIR"
    Delete "$SMPROGRAMS\${APP}.lnk"
    ; Only our own keys: the school files and their backups stay where the office keeps them.
    ReadRegStr $0 HKCU "Software\Classes\.yth" ""
    StrCmp $0 "${CLASS}" 0 +2
        DeleteRegKey HKCU "Software\Classes\.yth"
    DeleteRegKey HKCU "Software\Classes\${CLASS}"
    ReadRegStr $0 HKCU "Software\Classes\.yhz" ""
    StrCmp $0 "${ROLLUP_CLASS}" 0 +2
        DeleteRegKey HKCU "Software\Classes\.yhz"
    DeleteRegKey HKCU "Software\Classes\${ROLLUP_CLASS}"
    DeleteRegKey HKCU "${KEY}"
    System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd
