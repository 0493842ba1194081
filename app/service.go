package app

import (
	"time"

	"tuanxue/data"
)

// Service is the program's use cases over one open store.
type Service struct {
	store *data.Store
	now   func() time.Time
}

// New returns the use cases over store; now is the clock (nil: time.Now).
func New(store *data.Store, now func() time.Time) *Service {
	if now == nil {
		now = time.Now
	}
	return &Service{store: store, now: now}
}

// Store gives access to the underlying store, e.g. for its path.
func (s *Service) Store() *data.Store { return s.store }

// Today is the current calendar day by the service clock.
func (s *Service) Today() data.Date { return data.DateOf(s.now()) }
