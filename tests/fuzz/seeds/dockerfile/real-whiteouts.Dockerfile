# Whiteouts fixture: files and directories deleted, a directory deleted and recreated, a deleted file
# and directory re-added, a modified file, a chmod-only change, and a directory emptied.
# No shell is stored in the image: each RUN borrows a static busybox through a bind mount
# (make-fixtures.sh puts it into the build context), so the layers hold only what the steps write.
# Built twice from this same file: "whiteouts" with buildah's vfs storage driver (per-file whiteouts)
# and "whiteouts-overlay" with the overlay driver (writes .wh..wh..opq for a recreated directory).
FROM scratch

# Layer 0: the starting tree.
RUN --mount=type=bind,source=busybox,target=/busybox ["/busybox", "sh", "-c", "mkdir -p /data/gone-dir/sub /data/recreated/sub /data/kept /data/emptied && echo keep > /data/kept/keep.txt && echo bye > /data/gone.txt && echo a > /data/gone-dir/a.txt && echo c > /data/gone-dir/sub/c.txt && echo old1 > /data/recreated/old1.txt && echo old2 > /data/recreated/sub/old2.txt && echo v1 > /data/modified.txt && echo same-bytes > /data/chmodded.txt && echo x > /data/emptied/x.txt && echo y > /data/emptied/y.txt"]

# Layer 1: delete a file, delete a directory tree, delete and recreate a directory, modify a file,
# change only a mode, empty a directory but keep it.
RUN --mount=type=bind,source=busybox,target=/busybox ["/busybox", "sh", "-c", "rm /data/gone.txt && rm -rf /data/gone-dir && rm -rf /data/recreated && mkdir -p /data/recreated && echo new > /data/recreated/new.txt && echo v2-longer > /data/modified.txt && chmod 600 /data/chmodded.txt && rm /data/emptied/x.txt /data/emptied/y.txt && echo added > /data/kept/added.txt"]

# Layer 2: bring back what layer 1 deleted (new content), and delete one more file.
RUN --mount=type=bind,source=busybox,target=/busybox ["/busybox", "sh", "-c", "echo back-again > /data/gone.txt && mkdir /data/gone-dir && echo again > /data/gone-dir/again.txt && rm /data/kept/keep.txt"]
