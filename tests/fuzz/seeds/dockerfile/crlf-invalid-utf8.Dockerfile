FROM alpine
RUN echo crlf \
  && echo next
	RUN	tabs
COPY aÿþb /x
