// libFuzzer's driver, declared for Swift. It is defined only when linking with -sanitize=fuzzer, so only the
// fuzzing build (compiled with -DLIBFUZZER) may call it.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
