# Shared by scripts/run and scripts/test. Sourced, not executed.
# The Debian packages the project needs to build, run and test (TOOLCHAIN.md explains each).

SHEBAO_PACKAGES=(
    cmake g++ ninja-build pkg-config
    qt6-base-dev libqt6sql6-sqlite libqt6sql6-psql
    qt6-httpserver-dev qt6-websockets-dev
    qt6-tools-dev qt6-l10n-tools qt6-svg-dev qt6-translations-l10n
    qt6-charts-dev libqt6opengl6-dev      # Qt6ChartsConfig needs Qt6OpenGL's CMake files, undeclared
    libqrencode-dev libxlsxwriter-dev libminizip-dev libpugixml-dev libssl-dev
    fonts-wqy-microhei openssl
    poppler-utils zbar-tools xvfb xauth
    chromium libnss3-tools testssl.sh
    postgresql
    clang libclang-rt-14-dev libfuzzer-14-dev llvm-14   # ASan/UBSan/libFuzzer builds, symbolizer (docs/reliability.md)
)

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# Installs whatever of SHEBAO_PACKAGES is missing. As root directly, otherwise through sudo.
ensure_packages() {
    local missing=()
    local p
    for p in "${SHEBAO_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    log "installing missing Debian packages: ${missing[*]}"
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || { echo "need root (or sudo) to install: ${missing[*]}" >&2; return 1; }
        sudo=(sudo)
    fi
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# Configures (if needed) and builds DIR with the given extra CMake arguments.
build_tree() {
    local dir=$1; shift
    if [ ! -f "$dir/build.ninja" ]; then
        cmake -S "$SHEBAO_ROOT" -B "$dir" -G Ninja "$@"
    fi
    ninja -C "$dir" -j"$(nproc)"
}
