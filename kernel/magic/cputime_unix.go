//go:build unix

package magic

import (
	"syscall"
	"time"
)

// cpuTimes returns the user and system CPU time this process and its ended children (a
// compiled cell's build and program) have used.
func cpuTimes() (user, sys time.Duration) {
	for _, who := range []int{syscall.RUSAGE_SELF, syscall.RUSAGE_CHILDREN} {
		var ru syscall.Rusage
		if err := syscall.Getrusage(who, &ru); err == nil {
			user += time.Duration(ru.Utime.Nano())
			sys += time.Duration(ru.Stime.Nano())
		}
	}
	return user, sys
}
