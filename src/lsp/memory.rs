//! Keeping the server's memory near what its open drafts need.
//!
//! glibc's allocator gives each thread that meets contention an arena of its own (up to eight a
//! core), keeps the pages a program has freed to serve its next allocations, and returns them
//! only from the top of each heap. A server that has checked fifty drafts on a few threads would
//! keep the high-water mark of those checks in every arena for the rest of the editing session.
//! So the server uses as many arenas as checks run at once (one a core), and after drafts close
//! asks glibc to return what it holds free (`malloc_trim`). Other allocators are left as they are.

/// Limits the allocator to `arenas` arenas; called once, before the server's threads start.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
pub fn limit_arenas(arenas: usize) {
    let arenas = libc::c_int::try_from(arenas).unwrap_or(libc::c_int::MAX);
    // SAFETY: mallopt takes two integers and no pointer; M_ARENA_MAX with a positive count is a
    // documented setting. It fails harmlessly (returns 0) if glibc refuses it.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, arenas);
    }
}

/// Returns the memory the allocator holds free to the system.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
pub fn give_back() {
    // SAFETY: malloc_trim takes no pointer and has no precondition; glibc locks each arena while
    // it trims it, so other threads may allocate meanwhile.
    unsafe {
        libc::malloc_trim(0);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub fn limit_arenas(_arenas: usize) {}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub fn give_back() {}
