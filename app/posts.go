package app

import "slices"

// The titles a student union may use (reform rule 6). Other titles can be
// typed but break the rule.
const (
	PostChair         = "主席"
	PostExecChair     = "执行主席"
	PostRotatingChair = "轮值执行主席"
	PostViceChair     = "副主席"
	PostMinister      = "部长"
	PostViceMinister  = "副部长"
	PostStaff         = "干事"
)

// Posts lists the allowed titles in roster order.
var Posts = []string{PostChair, PostExecChair, PostRotatingChair, PostViceChair, PostMinister, PostViceMinister, PostStaff}

// presidiumPosts are held in the 主席团, not in a department.
var presidiumPosts = []string{PostChair, PostExecChair, PostRotatingChair, PostViceChair}

// IsPresidiumPost reports whether post belongs to the 主席团.
func IsPresidiumPost(post string) bool { return slices.Contains(presidiumPosts, post) }

// IsAllowedPost reports whether post is one of the titles reform rule 6 allows.
func IsAllowedPost(post string) bool { return slices.Contains(Posts, post) }

// PostRank orders posts on the roster: 主席 first, 干事 last, other titles
// after them.
func PostRank(post string) int {
	if i := slices.Index(Posts, post); i >= 0 {
		return i
	}
	return len(Posts)
}

// Presidium is how the roster names the 主席团 where a department would stand.
const Presidium = "主席团"
