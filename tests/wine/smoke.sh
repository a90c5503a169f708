#!/usr/bin/env bash
# Windows smoke test: runs the Windows build under Wine (with Xvfb for the window).
#   tests/wine/smoke.sh target/x86_64-pc-windows-gnu/release/thidua.exe target/release/thidua
# Checks: the icon, version information and GUI subsystem (resources.py); `--demo check` succeeds; `print plan` and `print registration` write PDFs whose
# text equals the Linux build's; the window starts (falling back between renderers if it must) and stays up.
#
# Wine 8.0 (Debian 12) lacks ProcessPrng in bcryptprimitives.dll, which current Rust's
# standard library calls: a stub DLL (bcryptprimitives.c beside this script) is built with
# mingw into the test folder only. It is a test fixture and is never shipped.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
exe=$(realpath "$1")
linux=$(realpath "$2")
year=${SMOKE_YEAR:-$(date +%Y)}
work=$(mktemp -d)
trap 'wineserver -k >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

export WINEPREFIX="$work/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=;bcryptprimitives=n,b"
mkdir -p "$work/Thi đua"
app="$work/Thi đua"
cp "$exe" "$app/thidua.exe"
x86_64-w64-mingw32-gcc -shared -O2 -o "$app/bcryptprimitives.dll" \
  "$here/bcryptprimitives.c" "$here/bcryptprimitives.def" -ladvapi32
touch "$app/thidua.portable"     # data beside the exe, in a folder with Vietnamese letters
wineboot -i >/dev/null 2>&1 || true

echo "== icon, version information, no console window"
python3 "$here/resources.py" "$exe" "$here/../../Cargo.toml"

echo "== thidua.exe --demo check"
(cd "$app" && wine ./thidua.exe --demo check) | tee "$work/check.txt"
grep -q "Kiểm tra toàn vẹn: tốt" "$work/check.txt"

echo "== print plan $year (Windows and Linux builds)"
(cd "$app" && wine ./thidua.exe --demo print plan "$year" --out "kế hoạch.pdf")
linux_home="$work/linux-home"
mkdir -p "$linux_home"
HOME="$linux_home" XDG_DATA_HOME="$linux_home/data" "$linux" --demo print plan "$year" --out "$work/plan-linux.pdf"
pdftotext -layout "$app/kế hoạch.pdf" "$work/plan-win.txt"
pdftotext -layout "$work/plan-linux.pdf" "$work/plan-linux.txt"
diff -u "$work/plan-linux.txt" "$work/plan-win.txt"
grep -q "KẾ HOẠCH" "$work/plan-win.txt"

echo "== print registration $year (Windows and Linux builds)"
(cd "$app" && wine ./thidua.exe --demo print registration "$year" --out "đăng ký.pdf")
HOME="$linux_home" XDG_DATA_HOME="$linux_home/data" "$linux" --demo print registration "$year" --out "$work/reg-linux.pdf"
pdftotext -layout "$app/đăng ký.pdf" "$work/reg-win.txt"
pdftotext -layout "$work/reg-linux.pdf" "$work/reg-linux.txt"
# The summary carries today's date on both sides; everything else must match.
diff -u "$work/reg-linux.txt" "$work/reg-win.txt"
grep -q "TỔNG HỢP ĐĂNG KÝ THI ĐUA" "$work/reg-win.txt"

echo "== window starts and stays up"
(cd "$app" && xvfb-run -a -s "-screen 0 1280x800x24" wine ./thidua.exe --demo >"$work/window.log" 2>&1) &
runner=$!
sleep "${SMOKE_WINDOW_SECONDS:-40}"
if ! kill -0 "$runner" 2>/dev/null; then
  echo "the window exited early:"; cat "$work/window.log"; exit 1
fi
grep -a "Khởi động cửa sổ" "$app/thidua-data/thidua.log" || true
wineserver -k >/dev/null 2>&1 || true
wait "$runner" 2>/dev/null || true
echo "smoke test passed"
