dnl config.m4 for bjlg: the phpize build, how PHP users install the extension.
dnl The core sources come from src/sources.txt, the same list CMakeLists.txt reads.

PHP_ARG_ENABLE([bjlg],
  [whether to enable bjlg],
  [AS_HELP_STRING([--enable-bjlg], [Enable bjlg, the native engine of Backup JLG])],
  [no])

if test "$PHP_BJLG" != "no"; then
  PHP_REQUIRE_CXX()

  PKG_CHECK_MODULES([BJLG_DEPS], [libzip >= 1.7 openssl >= 3.0 libcurl yaml-cpp libdeflate zlib])
  PHP_EVAL_INCLINE($BJLG_DEPS_CFLAGS)
  PHP_EVAL_LIBLINE($BJLG_DEPS_LIBS, BJLG_SHARED_LIBADD)
  BJLG_YAML_CPP_VERSION=`$PKG_CONFIG --modversion yaml-cpp`

  AC_LANG_PUSH([C++])
  AC_CHECK_HEADER([date/tz.h], [], [AC_MSG_ERROR([date/tz.h not found: install libhowardhinnant-date-dev])])
  AC_LANG_POP([C++])
  PHP_ADD_LIBRARY(date-tz, 1, BJLG_SHARED_LIBADD)
  PHP_ADD_LIBRARY(stdc++, 1, BJLG_SHARED_LIBADD)

  bjlg_list() {
    sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$1" | tr '\n' ' '
  }
  BJLG_CORE_SOURCES=`bjlg_list $srcdir/src/sources.txt`
  BJLG_GLUE_SOURCES=`bjlg_list $srcdir/ext/sources.txt`

  PHP_ADD_INCLUDE([$srcdir/src])
  PHP_ADD_INCLUDE([$srcdir/ext])

  PHP_NEW_EXTENSION(bjlg, $BJLG_CORE_SOURCES $BJLG_GLUE_SOURCES, $ext_shared, ,
    [-std=c++17 -Wall -DUSE_OS_TZDB=1 -DBJLG_YAML_CPP_VERSION=$BJLG_YAML_CPP_VERSION -DZEND_ENABLE_STATIC_TSRMLS_CACHE=1],
    cxx)

  for dir in `for f in $BJLG_CORE_SOURCES $BJLG_GLUE_SOURCES; do dirname $f; done | sort -u`; do
    PHP_ADD_BUILD_DIR([$ext_builddir/$dir], 1)
  done
  PHP_SUBST(BJLG_SHARED_LIBADD)
fi
