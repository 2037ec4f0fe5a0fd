package jupyter

// QueuedRequests returns how many shell requests wait to be served.
func (s *Server) QueuedRequests() int { return len(s.requests) }
