//! Embeds the icon and version information into the Windows executable. Build scripts run
//! on the host, so the target is read from CARGO_CFG_TARGET_OS, not from #[cfg].

fn main() {
    println!("cargo:rerun-if-changed=assets/icons/thidua.ico");
    println!("cargo:rerun-if-changed=build.rs");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    let version = std::env::var("CARGO_PKG_VERSION").unwrap_or_else(|_| "0.0.0".into());
    let mut res = winresource::WindowsResource::new();
    res.set_icon("assets/icons/thidua.ico")
        .set("ProductName", "Thi đua – Khen thưởng")
        .set("FileDescription", "Thi đua – Khen thưởng – Sở Công Thương")
        .set("CompanyName", "Sở Công Thương")
        .set("LegalCopyright", "Phát hành theo giấy phép MIT")
        .set("OriginalFilename", "thidua.exe")
        .set("InternalName", "thidua")
        .set("ProductVersion", &version)
        .set("FileVersion", &version)
        // Vietnamese (0x042A), Unicode code page.
        .set_language(0x042A);
    if let Err(e) = res.compile() {
        // A missing resource compiler must not hide behind a working build.
        panic!("Không nhúng được biểu tượng và thông tin phiên bản (windres/rc.exe): {e}");
    }
}
