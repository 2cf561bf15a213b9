dnl config.m4 for bjlg: the phpize build, how PHP users install the extension.
dnl The core sources come from src/sources.txt, the same list CMakeLists.txt reads.

PHP_ARG_ENABLE([bjlg],
  [whether to enable bjlg],
  [AS_HELP_STRING([--enable-bjlg], [Enable bjlg, the native engine of Backup JLG])],
  [yes])

if test "$PHP_BJLG" != "no"; then
  PHP_REQUIRE_CXX()

  dnl Each library is checked on its own so that a missing or too old one is named with the
  dnl Debian package that provides it, instead of pkg-config's bare list.
  bjlg_require() {
    AC_MSG_CHECKING([for $1 >= $2])
    if $PKG_CONFIG --atleast-version="$2" "$1" 2>/dev/null; then
      AC_MSG_RESULT([`$PKG_CONFIG --modversion "$1"`])
    elif $PKG_CONFIG --exists "$1" 2>/dev/null; then
      AC_MSG_ERROR([bjlg needs $1 >= $2, found `$PKG_CONFIG --modversion "$1"`: upgrade $3])
    else
      AC_MSG_ERROR([bjlg needs $1 >= $2, not found by pkg-config: install $3 (Debian: apt-get install $3)])
    fi
  }
  PKG_PROG_PKG_CONFIG
  bjlg_require libzip 1.7 libzip-dev
  bjlg_require openssl 3.0 libssl-dev
  bjlg_require libcurl 7.68 libcurl4-openssl-dev
  bjlg_require yaml-cpp 0.6 libyaml-cpp-dev
  bjlg_require libdeflate 1.10 libdeflate-dev
  bjlg_require expat 2.2 libexpat1-dev
  bjlg_require zlib 1.2 zlib1g-dev
  bjlg_require libmariadb 3.1 libmariadb-dev
  PKG_CHECK_MODULES([BJLG_DEPS], [libzip >= 1.7 openssl >= 3.0 libcurl >= 7.68 yaml-cpp >= 0.6 libdeflate >= 1.10 expat >= 2.2 zlib >= 1.2 libmariadb >= 3.1])
  PHP_EVAL_INCLINE($BJLG_DEPS_CFLAGS)
  PHP_EVAL_LIBLINE($BJLG_DEPS_LIBS, BJLG_SHARED_LIBADD)
  BJLG_YAML_CPP_VERSION=`$PKG_CONFIG --modversion yaml-cpp`

  AC_LANG_PUSH([C++])
  AC_CHECK_HEADER([date/tz.h], [], [AC_MSG_ERROR([date/tz.h not found: install libhowardhinnant-date-dev])])
  AC_CHECK_HEADER([nlohmann/json.hpp], [], [AC_MSG_ERROR([nlohmann/json.hpp not found: install nlohmann-json3-dev])])
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
