// Package concur lets a learner try and see each claim of the notes on concurrency,
// parallelism and serial execution (并发、并行、串行). Cells import it as "concur".
//
// concur models Python's threads, GIL and processes inside one Go process. Each section
// below says where the model ends and reality begins (模型与现实).
//
// # Threads (线程; 单线程, 多线程; 线程名称: 主线程, 子线程)
//
// Go and GoNamed start a named thread; Thread.Join waits for it; Current().Name() tells a
// thread who it is: MainThread for the cell's own flow, Thread-1, Thread-2 … for the others.
// ThreadDiagram draws a process whose threads share code, data and files while each has its
// own program counter, stack and registers (多线程实质; the notes' missing ThreadDiagram).
//
// Model and reality: a concur Thread is a goroutine, and goroutines have no names and no ids
// in Go — concur gives them names (through profiler labels) so that a lesson can speak of
// threads as Python does. Nor is a goroutine an OS thread: the Go runtime multiplexes
// goroutines onto a few OS threads, at most GOMAXPROCS of them running Go code at once, so
// a thousand goroutines may run on half a dozen threads. OSThreads shows both counts.
//
// # True and time-sliced parallelism (真并行, 伪并行; 分时复用时间片; GIL 锁)
//
// A GIL (NewGIL) lets only one of its threads run at a time, as CPython's has since 3.2: a
// thread that wants it waits up to the switch interval (5 ms, SetInterval like
// sys.setswitchinterval) from its own request, then asks the holder to drop it; the holder
// drops it at its next check (CPUWork, or your own loop calling GIL.Checkpoint); which waiter
// gets it is left to chance, not to a queue. Blocking calls (Sleep, IOWork, mailbox, queue,
// lock and future waits) let go of it, so I/O-bound threads overlap — but each must queue
// again afterwards, and next to a CPU-bound thread it waits up to an interval after every I/O
// operation: the convoy effect, which Convoy measures. NativeWork lets go of the GIL while it
// computes, as hashlib, zlib and NumPy do, so such work runs in parallel even under the GIL.
// GIL.Stats counts switches, forced switches and each thread's held and waited time and
// forced waits. Threads started with Go have no GIL and run truly in parallel.
//
// Model and reality: CPython's eval loop checks for a drop request between bytecodes; here
// only code that calls Checkpoint (CPUWork does, each 10 µs) can be asked, and code that never
// calls it keeps the GIL. CPython wakes a waiter and the OS decides who runs; here the GIL
// passes straight to a waiter chosen at random. A thread with the GIL never runs at the same
// time as another of its GIL, but Go code outside concur's calls is not stopped by it: a
// plain go statement escapes the GIL (see GIL).
//
// # Sync, async, blocking, non-blocking (同步, 异步, 阻塞, 非阻塞; send() and receive())
//
// Mailbox has the textbook's blocking and non-blocking send and receive (Send, TrySend,
// Receive, TryReceive, and timeout variants), as a rendezvous (capacity 0) or buffered;
// every send combines with every receive. Async calls a func asynchronously and returns a
// Future, which tells its outcome by state, notification and callback (状态、通知、回调):
// State, Wait/Finished, OnDone, Result.
//
// # Thread pools and process pools (线程池适用于IO密集型, 进程池适用于计算密集型)
//
// NewThreadPool's workers share one GIL; NewProcessPool's workers each have their own GIL
// and get copies of their arguments and results; NewParallelPool has no GIL. Submit runs one
// task, Map and MapSlices a batch with results in order. Measure and Speedups compare the
// ways in a bar chart; Scaling draws speed-up against the number of workers, a line for
// each kind of worker, with the ideal line and the core count marked.
//
// Model and reality: the processes are simulated inside this one process. What real
// processes cost is charged to them as CPU time (ProcessCosts: a start-up per worker, a
// hand-over per task, the copying of arguments and results by size; by default the costs of
// Python's ProcessPoolExecutor measured on the project's machine, see PythonProcessCosts),
// so that small tasks run slower on a process pool than serially, below a size that
// ProcessCosts.BreakEven tells. But a func's captured variables are still shared, which real
// processes never share: pass data as arguments, as you would to a real process.
//
// # Real processes (真正的进程: 独立的内存, 启动开销, 复制参数)
//
// StartProcesses starts a RealProcessPool of real OS processes: in a ConcurLab session each is
// a child of the worker that declares the session's declarations afresh in its own
// interpreter (the values that the session's statements computed stay behind, and each
// package-level variable starts at its initial value). Call runs a declared function by name
// in one of them and waits, as net/rpc's Client.Call does; Go does it asynchronously and
// returns a Future. The arguments and the result are copied with encoding/gob, as Python's
// ProcessPoolExecutor pickles them (a struct crosses with its exported fields); a panic or a
// returned error in the child is the call's *RemoteError, and the pool serves on. PIDs and
// StartUps show that they are other processes and what starting them cost.
//
// Model and reality: these are real processes — separate memory, their own PIDs, start-up and
// copying measured, not charged — and cost what docs/benchmarks.md shows (tens of
// milliseconds to start, as the interpreter starts and replays the session, against Python's
// 3.5 ms for a fork). They are started afresh (exec), not forked: Python's fork start method
// copies the parent's memory with its values, spawn starts afresh as here. A variable's
// address in two processes is a number in two different address spaces: equal or not, the
// values behind it are separate. In practice the addresses differ here: Go 1.26 places each
// process's heap at a random base address, and without that the interpreter's allocations
// before the variable differ from process to process (docs/benchmarks.md). Compiled programs (%%compile cells, go run)
// have no interpreter to replay a session in: there StartProcesses returns
// ErrNoProcessStarter. The simulated pools above remain the cheap default; a real pool is for
// measuring what the simulation charges.
//
// # Atomic operations and thread safety (原子性, 线程安全)
//
// List sorts as CPython's list.sort does: Sort of ints never lets another thread of its GIL
// run, so under the GIL it is atomic; while it sorts the list appears empty to other threads,
// and SortKey, whose key function is Python code in CPython, lets them run mid-sort, where
// they see it empty and lose what they add (ErrModifiedDuringSort). SortStepwise sorts by
// hand, and others see it half done. Counter.UnsafeInc loses updates when threads increment
// at once; LockedInc and AtomicInc fix it. Lock is a lock whose waits show in traces.
//
// # Message queues (消息队列: 解耦, 异步, 削峰)
//
// Queue is a bounded queue (Put, Get, TryPut, TryGet, timeouts, Close) that decouples
// producers from consumers; Topic fans messages out to subscribers; PeakShaving shows a
// burst absorbed and drained, and Queue.DepthChart draws the depth over time.
//
// # Seeing what happened
//
// StartTrace records the events of every primitive; Trace.SVG draws a timeline with one
// lane per thread (running, holding the GIL, waiting for it, blocked; messages as marks).
// Timelines and TimelineGrid draw several traces to one time scale, each run and lane
// labelled, so that runs compare at a glance. Pictures are SVG strings, shown by the
// notebook, labelled in Chinese and English (display.SetLanguage picks one or both).
// Interrupt wakes every blocked call, and TimedWaits tells a deadlock check which calls end
// by themselves.
package concur
