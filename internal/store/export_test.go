package store

// SetSearchCap lowers the number of matches a search ranks, so a test can
// reach the cap with a handful of articles.
func (s *Store) SetSearchCap(n int) { s.searchCap = n }
