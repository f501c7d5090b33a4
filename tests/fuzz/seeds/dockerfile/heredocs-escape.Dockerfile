# escape=`
FROM mcr.microsoft.com/windows/servercore:ltsc2022
RUN <<EOF bash -ex
apt-get update
apt-get install -y curl
EOF
COPY <<-"CONF" /etc/app.conf
	key = ${NOT_EXPANDED}
	CONF
RUN <<ONE cat - <<TWO > /out
first
ONE
second
TWO
RUN dir c:\ `
    && echo done
RUN <<UNTERMINATED
never ends
