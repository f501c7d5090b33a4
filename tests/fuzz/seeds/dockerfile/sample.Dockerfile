# Ballast sample image: small, real (built by buildah, one layer per instruction) and deliberately
# wasteful, so that every view of an image analyser has something to show. See README.md.
# Build with ./build.sh (it fetches the static busybox into a temporary build context).
FROM scratch
LABEL org.opencontainers.image.title="ballast-sample" \
      org.opencontainers.image.description="Small, deliberately wasteful image for Ballast"

# Layer 1: the only binary in the image, a static busybox (about 1.9 MB).
COPY busybox /bin/busybox

# Layer 2: applet symlinks in /bin (about 400 symlinks), so later RUN lines have /bin/sh.
RUN ["/bin/busybox", "--install", "-s", "/bin"]

ENV APP_HOME=/opt/app LANG=C.UTF-8

# Layer 3: a skeleton root filesystem: users, os-release, a sticky /tmp, an empty directory.
RUN mkdir -p /root /tmp /var/log /srv/empty /home/app /usr/local/bin /usr/local/lib \
 && chmod 1777 /tmp \
 && printf 'root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000:app:/home/app:/bin/sh\n' > /etc/passwd \
 && printf 'root:x:0:\napp:x:1000:\n' > /etc/group \
 && printf 'NAME="Ballast sample"\nID=ballast-sample\nVERSION_ID=1\n' > /etc/os-release \
 && chown 1000:1000 /home/app

# Layer 4: a pretend package install: .deb files left in the apt cache (random bytes), a large
# package list left in /var/lib/apt/lists, a shared library copied to two places (same content).
RUN mkdir -p /var/cache/apt/archives /var/lib/apt/lists /usr/lib/x86_64-linux-gnu /usr/share/doc/libdemo1 \
 && head -c 196608 /dev/urandom > /var/cache/apt/archives/libdemo1_1.0-1_amd64.deb \
 && head -c 98304 /dev/urandom > /var/cache/apt/archives/demo-tools_2.3-1_amd64.deb \
 && i=0 && while [ $i -lt 24000 ]; do i=$((i+1)); printf 'Package: demo-%d\nVersion: 1.%d-1\nArchitecture: amd64\n\n' $i $i; done \
      > /var/lib/apt/lists/deb.example.org_dists_bookworm_main_binary-amd64_Packages \
 && head -c 65536 /dev/urandom > /usr/lib/x86_64-linux-gnu/libdemo.so.1.0 \
 && ln -s libdemo.so.1.0 /usr/lib/x86_64-linux-gnu/libdemo.so.1 \
 && cp /usr/lib/x86_64-linux-gnu/libdemo.so.1.0 /usr/local/lib/libdemo.so.1.0 \
 && echo 'Copyright: none, this is a sample' > /usr/share/doc/libdemo1/copyright

# Layer 5: the application files from the build context (owned by uid/gid 1000); two of them
# have the same content at different paths.
COPY --chown=1000:1000 app/ /opt/app/

# Layer 6: a "build" that leaves its mess behind: objects in /tmp/build, a pip cache, an 8 MiB
# artefact plus a backup copy of it, a hardlink to the artefact, a setuid helper, a build log.
RUN mkdir -p /tmp/build/obj /root/.cache/pip/wheels /opt/app/dist \
 && head -c 4194304 /dev/zero > /tmp/build/obj/app.o \
 && head -c 32768 /dev/urandom > /tmp/build/obj/version.o \
 && head -c 131072 /dev/urandom > /root/.cache/pip/wheels/demo-1.0-py3-none-any.whl \
 && head -c 8388608 /dev/zero > /opt/app/dist/app.bin \
 && cp /opt/app/dist/app.bin /opt/app/dist/app.bin.bak \
 && ln /opt/app/dist/app.bin /opt/app/bin/app \
 && printf '#!/bin/sh\nexec /bin/id\n' > /usr/local/bin/become-root \
 && chmod 4755 /usr/local/bin/become-root \
 && echo 'build finished' > /var/log/build.log

# Layer 7: a clean-up that comes one layer too late: every byte it deletes is still stored in the
# layers below. It also edits a config file and changes only the mode of the big package list,
# which stores the whole file again.
RUN rm -rf /tmp/build \
 && rm -f /var/cache/apt/archives/*.deb \
 && rm /opt/app/dist/app.bin.bak \
 && echo 'log_level = warn' >> /opt/app/config/app.ini \
 && sed -i 's/VERSION_ID=1/VERSION_ID=2/' /etc/os-release \
 && chmod 0600 /var/lib/apt/lists/deb.example.org_dists_bookworm_main_binary-amd64_Packages

WORKDIR /opt/app
USER app
EXPOSE 8080
CMD ["/opt/app/bin/start.sh"]
