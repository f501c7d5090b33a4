# Image sources (issue 9), sources in tests/core/source/: URI parsing, the engines' listings, build
# arguments and the external-tool runner, without docker, podman or a registry. The suites that run
# the real tools are in tests/sources/.
set(_source ${CMAKE_CURRENT_LIST_DIR}/source)

ballast_add_test(test_source_parsing ${_source}/test_source_parsing.cpp)
ballast_add_test(test_external_tool ${_source}/test_external_tool.cpp)
ballast_add_test(test_source_fetch ${_source}/test_source_fetch.cpp)
