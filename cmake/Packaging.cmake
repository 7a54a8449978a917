# Installation and the Debian packages (docs/deploy.md): two components, each its own .deb.
#   shebao-desk    the desktop client and shebao-cli, for the units' HR staff
#   shebao-server  the backend and shebao-admin, for the agency, with a systemd unit that reads
#                  /etc/shebao-server/shebao-server.conf
# `cpack -G DEB` in a build directory writes both. Windows uses the NSIS generator instead
# (docs/windows.md); the install rules are the same.
include(GNUInstallDirs)

install(TARGETS shebao-desk shebao-cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT desk)
install(TARGETS shebao-server shebao-admin RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT server)

if(WIN32)
    # windeployqt at install time: the Qt libraries, plugins (platforms, sqldrivers, printsupport,
    # tls) and translations next to shebao-desk.exe, so the NSIS installer is self-contained.
    qt_generate_deploy_app_script(TARGET shebao-desk FILENAME_VARIABLE shebao_desk_deploy NO_UNSUPPORTED_PLATFORM_ERROR)
    install(SCRIPT ${shebao_desk_deploy} COMPONENT desk)
    set(CPACK_COMPONENTS_ALL desk)
endif()

if(UNIX AND NOT APPLE)
    install(FILES packaging/desk/shebao-desk.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications
            COMPONENT desk)
    install(FILES README.md CHANGELOG.md docs/cli.md docs/backup.md docs/user-guide.zh.md
            DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/shebao-desk COMPONENT desk)
    # The guide's pictures beside it (the program shows its own embedded copy).
    install(DIRECTORY docs/user-guide DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/shebao-desk COMPONENT desk
            FILES_MATCHING PATTERN "*.png")
    # /usr/lib/systemd/system: systemd's search path for packaged units (merged /usr on Debian 12).
    install(FILES packaging/server/shebao-server.service DESTINATION lib/systemd/system COMPONENT server)
    install(FILES packaging/server/shebao-server.conf DESTINATION /etc/shebao-server COMPONENT server)
    install(FILES README.md CHANGELOG.md docs/deploy.md docs/openapi.yaml
            DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/shebao-server COMPONENT server)
endif()

set(CPACK_PACKAGE_NAME shebao)
set(CPACK_PACKAGE_VENDOR "shebao-desk")
set(CPACK_PACKAGE_CONTACT "shebao-desk maintainers <maintainers@shebao-desk.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
if(NOT CPACK_COMPONENTS_ALL)
    set(CPACK_COMPONENTS_ALL desk server)
endif()
set(CPACK_COMPONENT_DESK_DISPLAY_NAME "shebao-desk 桌面客户端")
set(CPACK_COMPONENT_SERVER_DISPLAY_NAME "shebao-server 经办机构服务端")

# Debian: one package per component, library dependencies from dpkg-shlibdeps, the CJK font the
# printed forms use, and the server's maintainer scripts and conffile.
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_DESK_PACKAGE_NAME shebao-desk)
set(CPACK_DEBIAN_DESK_PACKAGE_DEPENDS "fonts-wqy-microhei, libqt6sql6-sqlite, qt6-translations-l10n")
set(CPACK_DEBIAN_DESK_DESCRIPTION "Desktop client for the social-insurance business of employer units
 异动申报, 信息维护, 断档补缴 and 参保证明 with the Changsha agency, and shebao-cli.")
set(CPACK_DEBIAN_SERVER_PACKAGE_NAME shebao-server)
set(CPACK_DEBIAN_SERVER_PACKAGE_DEPENDS "fonts-wqy-microhei, libqt6sql6-sqlite, libqt6sql6-psql, systemd")
set(CPACK_DEBIAN_SERVER_DESCRIPTION "HTTPS backend of shebao-desk for the social-insurance agency
 The reference server (SQLite or PostgreSQL) with shebao-admin and a systemd unit.")
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_EXTRA
    "${PROJECT_SOURCE_DIR}/packaging/server/postinst;${PROJECT_SOURCE_DIR}/packaging/server/prerm;${PROJECT_SOURCE_DIR}/packaging/server/postrm;${PROJECT_SOURCE_DIR}/packaging/server/conffiles")
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_STRICT_PERMISSION ON)

# Windows (MSVC, docs/windows.md): an NSIS installer of the desk component; windeployqt has
# copied the Qt libraries next to the executables before cpack runs.
set(CPACK_NSIS_DISPLAY_NAME "shebao-desk")
set(CPACK_NSIS_PACKAGE_NAME "shebao-desk ${PROJECT_VERSION}")
set(CPACK_NSIS_MODIFY_PATH OFF)
set(CPACK_NSIS_CREATE_ICONS_EXTRA "CreateShortCut '$SMPROGRAMS\\\\$STARTMENU_FOLDER\\\\shebao-desk.lnk' '$INSTDIR\\\\bin\\\\shebao-desk.exe'")

include(CPack)
