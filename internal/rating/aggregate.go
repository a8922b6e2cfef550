package rating

import (
	"slices"
	"strconv"
)

// Sums are the additive totals of a set of ratings: what SQL returns per
// unit and what rolling a unit's sub-units up adds together. Averages and
// rates are derived from them, never averaged themselves, so a parent's
// figure weighs each rating once whatever the size of its sub-units.
type Sums struct {
	Count     int            // ratings
	Criterion map[string]Sum // by criterion key
}

// Sum is one criterion's totals.
type Sum struct {
	Rated     int // ratings answering it (optional criteria may be skipped)
	Total     int // sum of the levels, for the average
	Satisfied int // answers "Hài lòng" or better
}

// Add adds o into s.
func (s *Sums) Add(o Sums) {
	s.Count += o.Count
	if s.Criterion == nil {
		s.Criterion = map[string]Sum{}
	}
	for k, v := range o.Criterion {
		c := s.Criterion[k]
		c.Rated += v.Rated
		c.Total += v.Total
		c.Satisfied += v.Satisfied
		s.Criterion[k] = c
	}
}

// AddRating counts one rating.
func (s *Sums) AddRating(r Rating) {
	one := Sums{Count: 1, Criterion: map[string]Sum{}}
	for k, l := range r.Scores {
		if !l.Valid() {
			continue
		}
		c := Sum{Rated: 1, Total: int(l)}
		if l.IsSatisfied() {
			c.Satisfied = 1
		}
		one.Criterion[k] = c
	}
	s.Add(one)
}

// Ratio is a figure with its numerator and denominator, as the statistics
// publish them; OK is false when the denominator is 0 (shown as N/A).
type Ratio struct {
	Num, Den int
}

// OK reports whether the ratio is defined.
func (r Ratio) OK() bool { return r.Den > 0 }

// Percent is the ratio in percent (0 when undefined; check OK).
func (r Ratio) Percent() float64 {
	if r.Den == 0 {
		return 0
	}
	return float64(r.Num) * 100 / float64(r.Den)
}

// String shows the ratio as "75,0 % (3/4)", or "Không áp dụng (0/0)" when
// nothing was counted: each figure with its numerator and denominator.
func (r Ratio) String() string {
	if !r.OK() {
		return "Không áp dụng (0/0)"
	}
	return decimal(r.Percent(), 1) + " % (" + strconv.Itoa(r.Num) + "/" + strconv.Itoa(r.Den) + ")"
}

// Mean is an average level with the sum and count it comes from.
type Mean struct {
	Total, Rated int
}

// OK reports whether anyone answered.
func (m Mean) OK() bool { return m.Rated > 0 }

// Value is the average level (0 when nobody answered; check OK).
func (m Mean) Value() float64 {
	if m.Rated == 0 {
		return 0
	}
	return float64(m.Total) / float64(m.Rated)
}

// String shows the mean as "4,25 / 5", or "—" when nobody answered.
func (m Mean) String() string {
	if !m.OK() {
		return "—"
	}
	return decimal(m.Value(), 2) + " / 5"
}

// decimal writes a number the Vietnamese way, with a decimal comma.
func decimal(f float64, prec int) string {
	b := []byte(strconv.FormatFloat(f, 'f', prec, 64))
	if i := slices.Index(b, '.'); i >= 0 {
		b[i] = ','
	}
	return string(b)
}

// CriterionStat is one criterion's published figures.
type CriterionStat struct {
	Criterion
	Average   Mean
	Satisfied Ratio
}

// Stats are the published figures of a set of ratings.
type Stats struct {
	Count int
	// Satisfied is the share of ratings whose overall answer is "Hài lòng"
	// or better: the headline "tỷ lệ hài lòng".
	Satisfied Ratio
	Criteria  []CriterionStat
}

// Stats derives the published figures.
func (s Sums) Stats() Stats {
	st := Stats{Count: s.Count}
	for _, c := range Criteria {
		v := s.Criterion[c.Key]
		cs := CriterionStat{Criterion: c, Average: Mean{Total: v.Total, Rated: v.Rated}, Satisfied: Ratio{Num: v.Satisfied, Den: v.Rated}}
		st.Criteria = append(st.Criteria, cs)
		if c.Key == Overall {
			st.Satisfied = cs.Satisfied
		}
	}
	return st
}

// RollUp adds each unit's sums into every ancestor's: parent maps a unit id
// to its parent's (0 or absent for a root). The result has an entry for
// every unit that has ratings itself or below it. A cycle in the tree (bad
// data) is cut rather than looping.
func RollUp(own map[int64]Sums, parent map[int64]int64) map[int64]Sums {
	out := map[int64]Sums{}
	for id, s := range own {
		seen := []int64{}
		for u := id; u != 0 && !slices.Contains(seen, u); u = parent[u] {
			seen = append(seen, u)
			t := out[u]
			t.Add(s)
			out[u] = t
		}
	}
	return out
}
