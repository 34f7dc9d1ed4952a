// Nothing to call: the target only defines symbols that replace the toolchain's (see MutexAnnotations.c).
