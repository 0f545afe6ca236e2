//! The build script: on Windows the .exe carries its icon (Explorer, the taskbar, the Start
//! menu and the .yth association show it) and its version information, compiled with windres
//! (mingw's `x86_64-w64-mingw32-windres` when cross-compiling). Elsewhere it does nothing: the
//! Linux and macOS packages carry their icons beside the binary.

fn main() {
    println!("cargo:rerun-if-changed=packaging/windows/resource.rs");
    println!("cargo:rerun-if-changed=assets/icons/yitihua.ico");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    let mut resource = winresource::WindowsResource::new();
    resource
        .set_icon("assets/icons/yitihua.ico")
        .set("ProductName", "工学一体化申报助手")
        .set("FileDescription", "工学一体化申报助手")
        .set("CompanyName", "yitihua")
        .set("LegalCopyright", "yitihua founders, MIT")
        .set("OriginalFilename", "yitihua.exe")
        // Simplified Chinese (PRC), as Explorer's 属性 → 详细信息 shows it.
        .set_language(0x0804);
    if let Err(e) = resource.compile() {
        panic!(
            "the Windows resource (icon, version) did not compile: {e}; is mingw's windres installed?"
        );
    }
}
