# The two commands a new machine needs: `make site` and `make test`.
# Both install missing Debian packages first (tools/install-deps.sh).
BUILD  ?= build/cmake
OUT    ?= build/site
JOBS   ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=RelWithDebInfo

.PHONY: site test build deps deps-test check bench clean

site: build
	$(BUILD)/wirebook build --root . --out $(OUT)

test: deps-test
	cmake -S . -B $(BUILD) $(CMAKE_FLAGS) -DBUILD_TESTING=ON
	cmake --build $(BUILD) -j $(JOBS)
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

build: deps
	cmake -S . -B $(BUILD) $(CMAKE_FLAGS)
	cmake --build $(BUILD) -j $(JOBS) --target wirebook

check: build
	$(BUILD)/wirebook check --root .

bench: build
	cmake --build $(BUILD) -j $(JOBS) --target wirebook_gen_site --target wirebook_timed --target wirebook_floor
	bench/render.sh
	bench/floor.sh
	bench/voron.sh
	bench/site.sh

deps:
	tools/install-deps.sh

deps-test:
	tools/install-deps.sh --test

clean:
	rm -rf build
