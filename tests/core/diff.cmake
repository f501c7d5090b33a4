# Compare (issue 6) suites, sources in tests/core/diff/. ImageDiff and the diff report against
# hand-derived pairs built in memory (tests/core/tree/LayerSpec.h via AnalysisTestSupport.h) and real
# archives written by tests/support; `ballast-cli diff` through QProcess on the committed images.
set(_diff ${CMAKE_CURRENT_LIST_DIR}/diff)

ballast_add_test(test_image_diff ${_diff}/test_image_diff.cpp LIBS ballast_test_support)

ballast_add_test(test_cli_diff ${_diff}/test_cli_diff.cpp LIBS ballast_test_support)
target_compile_definitions(test_cli_diff PRIVATE BALLAST_CLI_PATH="$<TARGET_FILE:ballast-cli>")
add_dependencies(test_cli_diff ballast-cli)

# The pieces the compare view explains with: changed words of two instructions, and the findings
# resolved, new and still present.
ballast_add_test(test_word_diff ${_diff}/test_word_diff.cpp)
ballast_add_test(test_findings_diff ${_diff}/test_findings_diff.cpp)
