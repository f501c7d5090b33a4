# core/util, sources in tests/core/util/. The UTF-8 locale is checked in the two programs too, run
# without LANG or LC_*.
set(_util ${CMAKE_CURRENT_LIST_DIR}/util)

ballast_add_test(test_utf8_locale ${_util}/test_utf8_locale.cpp)
target_compile_definitions(test_utf8_locale PRIVATE
  BALLAST_CLI_PATH="$<TARGET_FILE:ballast-cli>" BALLAST_GUI_PATH="$<TARGET_FILE:ballast>")
add_dependencies(test_utf8_locale ballast-cli ballast)
