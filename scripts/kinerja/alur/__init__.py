"""The review workflow on the Git host: review routing (codeowners), what a branch changed
(lingkup, riwayat rules, the reviewer summary) and new-record scaffolds."""
