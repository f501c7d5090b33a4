# Entry-types fixture: every kind of tar entry a builder writes here, plus metadata-only steps.
# COPY brings uid/gid 1000, a UTF-8 name (PAX path record), a name with a space and a 153-byte path
# (ustar prefix + name fields); RUN adds symlinks (absolute, relative, dangling, and a 152-byte
# target in a PAX linkpath record), a hardlink group, a FIFO, an empty file, an empty directory,
# setuid/setgid/sticky/read-only modes; the last RUN adds a hardlink to a file of a lower layer and
# replaces entries by entries of another type.
# No shell is stored in the image: each RUN borrows a static busybox through a bind mount.
FROM scratch
LABEL org.opencontainers.image.title="entry-types" org.example.fixture="ballast"
ENV FIXTURE=entry-types

# Layer 0
COPY --chown=1000:1000 files/ /srv/files/

# Layer 1
RUN --mount=type=bind,source=busybox,target=/busybox ["/busybox", "sh", "-c", "mkdir -p /srv/links /srv/hl /srv/special /srv/empty-dir && ln -s /srv/files/hello.txt /srv/links/absolute && ln -s ../files/hello.txt /srv/links/relative && ln -s /does/not/exist /srv/links/dangling && ln -s ../files/nested/a-directory-name-that-is-long-enough/another-rather-long-directory-name/a-file-whose-full-path-is-longer-than-one-hundred-characters.txt /srv/links/long-target && echo linked > /srv/hl/orig && ln /srv/hl/orig /srv/hl/hard1 && ln /srv/hl/orig /srv/hl/hard2 && mkfifo /srv/special/fifo && touch /srv/special/empty-file /srv/special/was-a-file && echo s > /srv/special/setuid && chmod 4755 /srv/special/setuid && echo g > /srv/special/setgid && chmod 2755 /srv/special/setgid && mkdir /srv/special/sticky && chmod 1777 /srv/special/sticky && echo r > /srv/special/read-only && chmod 444 /srv/special/read-only"]

# Layer 2
RUN --mount=type=bind,source=busybox,target=/busybox ["/busybox", "sh", "-c", "ln /srv/files/hello.txt /srv/hl/to-lower-layer && rm /srv/links/dangling && echo now-a-file > /srv/links/dangling && rm /srv/special/was-a-file && mkdir /srv/special/was-a-file && echo inside > /srv/special/was-a-file/inside.txt && rm -rf /srv/empty-dir && echo now-a-file > /srv/empty-dir"]

USER 1000:1000
WORKDIR /srv
EXPOSE 8080/tcp 5353/udp
ENTRYPOINT ["/srv/files/hello.txt"]
CMD ["--help"]
