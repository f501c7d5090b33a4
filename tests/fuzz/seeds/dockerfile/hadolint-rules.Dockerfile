FROM ubuntu:latest
MAINTAINER someone@example.com
RUN apt-get update && apt-get install python3 curl
# hadolint ignore=DL3008,DL3015
RUN apt-get install -y --no-install-recommends git && rm -rf /var/lib/apt/lists/*
RUN cd /tmp && curl -fsSL https://example.com/install.sh | sh
RUN sudo pip install requests && npm install -g left-pad
RUN apk add --update bash && yum install httpd && dnf install -y vim
ADD https://example.com/file.tar.gz /opt/
ADD local.tar /opt/
COPY --chown=1000:1000 app /app
WORKDIR app
EXPOSE 80000
CMD python3 app.py
CMD ["python3", "app.py"]
USER root
ENTRYPOINT exec /app/run
