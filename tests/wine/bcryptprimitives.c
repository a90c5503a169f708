/*
 * Test fixture for running thidua.exe under Wine 8.0 (Debian 12). Current Rust's standard
 * library gets random bytes from ProcessPrng in bcryptprimitives.dll, which Wine 8.0 does
 * not have. This stub forwards to RtlGenRandom (advapi32!SystemFunction036). It is built
 * with mingw for the test's Wine prefix only and is never shipped with the application.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
