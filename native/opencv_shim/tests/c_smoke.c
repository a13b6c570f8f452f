/* Compiled as C11: proves include/edgepose_cv.h is plain C, and exercises the error path. */
#include "edgepose_cv.h"

#include <stdio.h>
#include <string.h>

static int failures = 0;

static void expect(int ok, const char* what) {
  if (!ok) {
    fprintf(stderr, "FAILED: %s\n", what);
    ++failures;
  }
}

int main(void) {
  const char* version = NULL;
  expect(epcv_version_string(&version) == EPCV_OK && version != NULL && version[0] != '\0', "version string");

  epcv_mat* img = NULL;
  expect(epcv_mat_create(48, 64, EPCV_TYPE_8UC3, &img) == EPCV_OK, "create 64x48 BGR");
  epcv_mat_info info;
  memset(&info, 0, sizeof info);
  expect(epcv_mat_info_get(img, &info) == EPCV_OK && info.rows == 48 && info.cols == 64 && info.channels == 3 &&
             info.step >= 64 * 3 && info.data != NULL,
         "info of 64x48 BGR");

  epcv_mat* small = NULL;
  expect(epcv_mat_create_empty(&small) == EPCV_OK, "create empty");
  expect(epcv_resize(img, small, 32, 24, EPCV_INTER_LINEAR) == EPCV_OK, "resize to 32x24");
  expect(epcv_mat_info_get(small, &info) == EPCV_OK && info.rows == 24 && info.cols == 32, "resized size");

  uint8_t from[4 * 2 * 3];
  uint8_t to[2 * 1 * 3];
  memset(from, 200, sizeof from);
  expect(epcv_resize_buffer(from, 4, 2, 12, EPCV_TYPE_8UC3, to, 2, 1, 6, EPCV_INTER_LINEAR) == EPCV_OK && to[0] == 200 &&
             to[5] == 200,
         "resize of caller memory");

  const char* message = NULL;
  expect(epcv_resize(img, small, 0, 24, EPCV_INTER_LINEAR) == EPCV_ERR_ARGUMENT, "zero width is rejected");
  expect(epcv_last_error(&message) == EPCV_OK && strstr(message, "0x24") != NULL, "error message names the size");

  expect(epcv_imread("/nonexistent/edgepose.jpg", small) == EPCV_ERR_NOT_FOUND, "missing file");

  expect(epcv_mat_release(small) == EPCV_OK, "release");
  expect(epcv_mat_release(img) == EPCV_OK, "release");
  expect(epcv_mat_release(NULL) == EPCV_OK, "release NULL");

  if (failures == 0) {
    printf("edgepose_cv %s: C interface OK\n", version);
  }
  return failures == 0 ? 0 : 1;
}
