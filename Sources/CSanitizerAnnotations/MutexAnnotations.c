// Tells ThreadSanitizer about Synchronization.Mutex's contended path; compiled only under -sanitize=thread.
//
// Mutex.withLock inlines an atomic compare-exchange into the caller, which ThreadSanitizer sees, but when the
// lock is contended it calls _MutexHandle._lockSlow and _unlockSlow in libswiftSynchronization.so, which is
// not instrumented: the acquire and release there are invisible, and every contended Mutex then shows up as a
// race on the state it guards. (A twenty-line program where four threads append to a Mutex<[Int]> reports
// such races on this toolchain.) These definitions take the place of the library's for the test binary,
// call the library's, and add the acquire and release on the mutex's address, the same address the inlined
// atomics use. Races on state outside a lock are still reported.
#if defined(__has_feature)
#if __has_feature(thread_sanitizer)

#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

void __tsan_acquire(void *address);
void __tsan_release(void *address);

// A borrowing method gets `self` (here the handle's address) in the Swift context register.
#define SWIFTCALL __attribute__((swiftcall))
#define SWIFT_SELF __attribute__((swift_context))

typedef SWIFTCALL void (*LockSlow)(uint32_t, void *SWIFT_SELF);
typedef SWIFTCALL bool (*TryLockSlow)(void *SWIFT_SELF);
typedef SWIFTCALL void (*UnlockSlow)(void *SWIFT_SELF);

static LockSlow libraryLockSlow;
static TryLockSlow libraryTryLockSlow;
static UnlockSlow libraryUnlockSlow;

// Resolved before main, so no thread races on the pointers; a toolchain that renamed them stops here, not at
// the first contended lock.
__attribute__((constructor)) static void resolveLibraryFunctions(void) {
    libraryLockSlow = (LockSlow)dlsym(RTLD_NEXT, "$s15Synchronization12_MutexHandleV9_lockSlowyys6UInt32VF");
    libraryTryLockSlow = (TryLockSlow)dlsym(RTLD_NEXT, "$s15Synchronization12_MutexHandleV12_tryLockSlowSbyF");
    libraryUnlockSlow = (UnlockSlow)dlsym(RTLD_NEXT, "$s15Synchronization12_MutexHandleV11_unlockSlowyyF");
    if (libraryLockSlow == NULL || libraryTryLockSlow == NULL || libraryUnlockSlow == NULL) {
        fprintf(stderr, "CSanitizerAnnotations: libswiftSynchronization has no _MutexHandle._lockSlow, "
                        "_tryLockSlow or _unlockSlow any more; update Sources/CSanitizerAnnotations/\n");
        abort();
    }
}

// _MutexHandle._lockSlow(_ selfId: UInt32)
SWIFTCALL void $s15Synchronization12_MutexHandleV9_lockSlowyys6UInt32VF(uint32_t selfId, void *SWIFT_SELF handle) {
    libraryLockSlow(selfId, handle);
    __tsan_acquire(handle);
}

// _MutexHandle._tryLockSlow() -> Bool
SWIFTCALL bool $s15Synchronization12_MutexHandleV12_tryLockSlowSbyF(void *SWIFT_SELF handle) {
    bool locked = libraryTryLockSlow(handle);
    if (locked) {
        __tsan_acquire(handle);
    }
    return locked;
}

// _MutexHandle._unlockSlow()
SWIFTCALL void $s15Synchronization12_MutexHandleV11_unlockSlowyyF(void *SWIFT_SELF handle) {
    __tsan_release(handle);
    libraryUnlockSlow(handle);
}

#endif
#endif
