// Only the header matters: LLVMFuzzerRunDriver is in the libFuzzer runtime that -sanitize=fuzzer links.
