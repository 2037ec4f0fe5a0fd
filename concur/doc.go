// Package concur lets a learner try and see each claim of the notes on concurrency,
// parallelism and serial execution (并发、并行、串行). Cells import it as "concur".
//
// # Threads (线程; 单线程, 多线程; 线程名称: 主线程, 子线程)
//
// Go and GoNamed start a named thread; Thread.Join waits for it; Current().Name() tells a
// thread who it is: MainThread for the cell's own flow, Thread-1, Thread-2 … for the others.
// ThreadDiagram draws a process whose threads share code, data and files while each has its
// own program counter, stack and registers (多线程实质; the notes' missing ThreadDiagram).
//
// # True and time-sliced parallelism (真并行, 伪并行; 分时复用时间片; GIL 锁)
//
// A GIL (NewGIL, switch interval 5 ms like CPython's) lets only one of its threads run at a
// time: CPU-bound code (CPUWork, or your own loop calling GIL.Checkpoint) takes turns in time
// slices, while blocking calls (Sleep, IOWork, mailbox, queue, lock and future waits) let go
// of it, so I/O-bound threads overlap. GIL.Stats counts switches and each thread's held and
// waited time. Threads started with Go have no GIL and run truly in parallel.
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
// and get copies of their arguments and results (processes are simulated inside this one
// process: only arguments and results are copied); NewParallelPool has no GIL. Submit runs
// one task, Map and MapSlices a batch with results in order. Measure and Speedups compare
// the ways in a bar chart; Scaling draws speed-up against the number of workers, a line for
// each kind of worker, with the ideal line and the core count marked.
//
// # Atomic operations and thread safety (原子性, 线程安全)
//
// List.Sort is atomic — no thread sees the list half sorted — beside List.SortStepwise,
// which others see half done. Counter.UnsafeInc loses updates when threads increment at
// once; LockedInc and AtomicInc fix it. Lock is a lock whose waits show in traces.
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
// Interrupt wakes every blocked call.
package concur
