// Package institution holds the institutional pages Decree 42/2022 asks a
// portal to have (giới thiệu, cơ cấu tổ chức, lãnh đạo, liên hệ, …): which
// pages exist and at which addresses, the named people on them, whether the
// English version is missing or older than the Vietnamese one, and the
// organisation chart built from the units. No HTTP and no SQL.
package institution
