/*
 * A stand-in for Windows' bcryptprimitives.dll, for the Wine smoke run only.
 *
 * Go's runtime (1.22+) takes its random numbers from ProcessPrng in
 * bcryptprimitives.dll, which every Windows 10/11 has but Debian's Wine 8.0
 * lacks. This DLL is never shipped: .ci/windows-smoke puts it beside a copy of
 * the .exe inside a throw-away Wine prefix.
 */
#include <windows.h>

/* advapi32's SystemFunction036 is RtlGenRandom. */
BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
	while (length > 0) {
		ULONG chunk = length > 0x40000000 ? 0x40000000 : (ULONG)length;
		if (!SystemFunction036(data, chunk))
			return FALSE;
		data += chunk;
		length -= chunk;
	}
	return TRUE;
}
