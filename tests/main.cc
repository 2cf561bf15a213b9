// The Catch2 test runner for the bjlg core.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
