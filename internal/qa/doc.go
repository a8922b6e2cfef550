// Package qa is the citizens' voice on the portal: questions and answers
// (hỏi đáp) and draft-policy consultations (lấy ý kiến dự thảo). It holds
// the rules — validation, the bot challenge, spam heuristics, how an
// asker's name is shown — with no HTTP and no SQL, so they are tested on
// their own. The institutional pages are package institution.
package qa
