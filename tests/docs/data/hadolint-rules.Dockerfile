# Triggers every hadolint rule Ballast implements (one or more times each), for the schema test.
FROM debian:latest AS build
MAINTAINER someone@example.org
WORKDIR app
RUN cd /tmp && apt-get update && apt-get install -y curl
RUN pip install requests
RUN apk add bash
RUN yarn install
RUN curl -s https://example.org | sh
ADD config.ini /etc/app/
USER root
CMD python app.py
