// Package qa is the citizen-facing side of the portal that is not news:
// questions and answers (hỏi đáp), draft-policy consultations (lấy ý kiến
// dự thảo) and the institutional pages Decree 42/2022 requires. It holds
// the rules — validation, the bot challenge, spam heuristics, how an
// asker's name is shown, the organisation tree — with no HTTP and no SQL,
// so they are tested on their own.
package qa
