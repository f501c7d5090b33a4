# Format and loading suites, built on the synthetic archive writer in tests/support.
set(_formats ${CMAKE_CURRENT_LIST_DIR}/formats)
ballast_add_test(test_formats ${_formats}/test_formats.cpp ${_formats}/FormatTestSupport.h LIBS ballast_test_support)
ballast_add_test(test_entries ${_formats}/test_entries.cpp ${_formats}/FormatTestSupport.h LIBS ballast_test_support)
ballast_add_test(test_selection ${_formats}/test_selection.cpp ${_formats}/FormatTestSupport.h LIBS ballast_test_support)
ballast_add_test(test_load_errors ${_formats}/test_load_errors.cpp ${_formats}/FormatTestSupport.h LIBS ballast_test_support)
ballast_add_test(test_cancellation ${_formats}/test_cancellation.cpp ${_formats}/FormatTestSupport.h LIBS ballast_test_support)
ballast_add_test(test_archive_variants ${_formats}/test_archive_variants.cpp ${_formats}/FormatTestSupport.h LIBS ballast_test_support)
# Load limits (issue 8): each limit one over and exactly at it, and the CLI flags through QProcess.
ballast_add_test(test_load_limits ${_formats}/test_load_limits.cpp ${_formats}/FormatTestSupport.h LIBS ballast_test_support)
target_compile_definitions(test_load_limits PRIVATE BALLAST_CLI_PATH="$<TARGET_FILE:ballast-cli>")
add_dependencies(test_load_limits ballast-cli)
