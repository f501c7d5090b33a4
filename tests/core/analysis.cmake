# Analysis, dive compatibility, findings and the CI gate (sources in tests/core/analysis/). The images
# are built in memory with tests/core/tree/LayerSpec.h; ReferenceDive.h is a port of dive's Go code
# used as an independent oracle.
set(_analysis ${CMAKE_CURRENT_LIST_DIR}/analysis)
set(_analysis_headers ${_analysis}/AnalysisTestSupport.h ${_analysis}/ReferenceDive.h)

ballast_add_test(test_dive_efficiency ${_analysis}/test_dive_efficiency.cpp ${_analysis_headers})
ballast_add_test(test_findings ${_analysis}/test_findings.cpp ${_analysis_headers})
ballast_add_test(test_ci_rules ${_analysis}/test_ci_rules.cpp ${_analysis_headers})

# `ballast-cli analyze --format dive-json|markdown` and `ballast-cli ci` through QProcess on the sample.
ballast_add_test(test_cli_reports ${_analysis}/test_cli_reports.cpp ${_analysis_headers})
target_compile_definitions(test_cli_reports PRIVATE BALLAST_CLI_PATH="$<TARGET_FILE:ballast-cli>")
add_dependencies(test_cli_reports ballast-cli)

# What the findings together would save, each stored copy counted once: the sample's figures from its
# expected.json, and overlapping findings on images built in memory.
ballast_add_test(test_savings ${_analysis}/test_savings.cpp ${_analysis_headers})
