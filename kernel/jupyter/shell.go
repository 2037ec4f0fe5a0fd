package jupyter

import "context"

// enqueueShell queues a shell request for serveShell.
func (s *Server) enqueueShell(ctx context.Context, m *Message) {
	select {
	case s.requests <- m:
	case <-ctx.Done():
	}
}

// serveShell serves the queued shell requests one at a time, in order, until ctx is done.
func (s *Server) serveShell(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case m := <-s.requests:
			s.serveThenStop(ctx, s.shell, m)
			if s.abortQueue {
				s.abortQueue = false
				s.abortQueuedExecutes(ctx)
			}
		}
	}
}

// serveThenStop serves m and, after a shutdown_request, makes Run stop.
func (s *Server) serveThenStop(ctx context.Context, r *router, m *Message) {
	s.serve(ctx, r, m)
	s.mu.Lock()
	asked := s.shutdownAsked
	s.mu.Unlock()
	if asked {
		s.stopServing()
	}
}

// abortQueuedExecutes answers the execute_requests already queued with status "aborted",
// as stop_on_error asks after a failed cell; other requests in the queue are served.
func (s *Server) abortQueuedExecutes(ctx context.Context) {
	for {
		select {
		case m := <-s.requests:
			if m.Header.MsgType == "execute_request" {
				s.publish(m, "status", statusContent{"busy"})
				s.reply(s.shell, m, statusReply{Status: "aborted"})
				s.publish(m, "status", statusContent{"idle"})
				continue
			}
			s.serveThenStop(ctx, s.shell, m)
		default:
			return
		}
	}
}
