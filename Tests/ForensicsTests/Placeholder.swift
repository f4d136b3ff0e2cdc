// placeholder for the crypto worktree
