RUN echo before from
FROM
FROM a AS
COPY --from=missing /x /y
UNKNOWN instruction here
ENV
ENV novalue
ARG =x
EXPOSE abc/tcp 8080/udp
HEALTHCHECK NONE extra
RUN ["unterminated", 
CMD [bad json]
RUN echo \
