// Every pixel of an image decoded once, by libpng or libjpeg, before the PDF writer sees the file:
// the chunk and segment walk of image_info.cpp proves the file whole, this proves its compressed
// data decodes (a PNG whose deflate stream is short or damaged, a JPEG whose scan is corrupt, a
// JPEG coding process PDF readers cannot show). Both libraries report errors through a callback
// that must not return; it longjmps back here, so these functions hold no C++ objects with
// destructors between setjmp and the calls that may jump.
#include "compose/source/image_decode.h"

#include <csetjmp>
#include <cstdio>
#include <cstring>

#include <jpeglib.h>
#include <png.h>

namespace compose::source {
namespace {

struct PngState {
    const unsigned char* data;
    std::size_t size;
    std::size_t at;
    char message[200];
    png_bytep row;  // here, not a local: a longjmp would lose a local changed after setjmp
};

[[noreturn]] void png_error_fn(png_structp png, png_const_charp message) {
    auto* state = static_cast<PngState*>(png_get_error_ptr(png));
    std::snprintf(state->message, sizeof state->message, "%s", message ? message : "");
    png_longjmp(png, 1);
}

void png_warning_fn(png_structp, png_const_charp) {}  // ancillary trouble libpng works around

void png_read_fn(png_structp png, png_bytep out, png_size_t length) {
    auto* state = static_cast<PngState*>(png_get_io_ptr(png));
    if (state->size - state->at < length) png_error(png, "the file ends inside its PNG data");
    std::memcpy(out, state->data + state->at, length);
    state->at += length;
}

// The PNG's rows, one at a time through one row buffer: memory is a row, whatever the height.
bool png_decodes(PngState& state, std::size_t max_row_bytes) {
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &state, png_error_fn, png_warning_fn);
    if (!png) return std::snprintf(state.message, sizeof state.message, "out of memory"), false;
    png_infop info = png_create_info_struct(png);
    bool ok = false;
    if (setjmp(png_jmpbuf(png)) == 0) {
        if (!info) png_error(png, "out of memory");
        png_set_read_fn(png, &state, png_read_fn);
        png_set_user_limits(png, 0x7FFFFFFF, 0x7FFFFFFF);
        png_set_chunk_malloc_max(png, 64u << 20);
        png_read_info(png, info);
        int passes = png_set_interlace_handling(png);
        png_read_update_info(png, info);
        std::size_t row_bytes = png_get_rowbytes(png, info);
        png_uint_32 height = png_get_image_height(png, info);
        if (row_bytes == 0 || row_bytes > max_row_bytes) png_error(png, "its rows are too wide to decode");
        state.row = static_cast<png_bytep>(png_malloc(png, row_bytes));
        for (int pass = 0; pass < passes; ++pass) {
            for (png_uint_32 y = 0; y < height; ++y) png_read_row(png, state.row, nullptr);
        }
        png_read_end(png, nullptr);
        ok = true;
    }
    if (state.row) png_free(png, state.row);
    png_destroy_read_struct(&png, info ? &info : nullptr, nullptr);
    return ok;
}

struct JpegError {
    jpeg_error_mgr mgr;
    std::jmp_buf jump;
    char message[JMSG_LENGTH_MAX];
    bool failed;
};

[[noreturn]] void jpeg_error_exit(j_common_ptr cinfo) {
    auto* err = reinterpret_cast<JpegError*>(cinfo->err);
    (*cinfo->err->format_message)(cinfo, err->message);
    std::longjmp(err->jump, 1);
}

// libjpeg reports damaged entropy-coded data as a warning (level -1) and goes on with grey
// blocks; here the first such warning is an error
void jpeg_emit_message(j_common_ptr cinfo, int level) {
    auto* err = reinterpret_cast<JpegError*>(cinfo->err);
    if (level < 0 && !err->failed) {
        err->failed = true;
        (*cinfo->err->format_message)(cinfo, err->message);
    }
}

bool jpeg_decodes(const unsigned char* data, std::size_t size, char* message, std::size_t message_size) {
    jpeg_decompress_struct cinfo;
    std::memset(&cinfo, 0, sizeof cinfo);
    JpegError err;
    std::memset(&err, 0, sizeof err);
    cinfo.err = jpeg_std_error(&err.mgr);
    err.mgr.error_exit = jpeg_error_exit;
    err.mgr.emit_message = jpeg_emit_message;
    bool ok = false;
    if (setjmp(err.jump) == 0) {
        jpeg_create_decompress(&cinfo);
        cinfo.mem->max_memory_to_use = 1024L << 20;  // a progressive JPEG keeps its coefficients
        jpeg_mem_src(&cinfo, data, static_cast<unsigned long>(size));
        jpeg_read_header(&cinfo, TRUE);
        if (cinfo.data_precision != 8 || cinfo.arith_code) {
            std::snprintf(err.message, sizeof err.message,
                          "%s, which PDF readers do not show", cinfo.arith_code ? "arithmetic coding" : "12-bit samples");
            err.failed = true;
        } else {
            // every coefficient is still entropy-decoded at 1/8 scale: the check stays cheap
            cinfo.scale_num = 1;
            cinfo.scale_denom = 8;
            cinfo.dct_method = JDCT_IFAST;
            cinfo.do_fancy_upsampling = FALSE;
            jpeg_start_decompress(&cinfo);
            JSAMPARRAY row = (*cinfo.mem->alloc_sarray)(reinterpret_cast<j_common_ptr>(&cinfo), JPOOL_IMAGE,
                                                        cinfo.output_width * cinfo.output_components, 1);
            while (cinfo.output_scanline < cinfo.output_height && !err.failed) jpeg_read_scanlines(&cinfo, row, 1);
            if (!err.failed) jpeg_finish_decompress(&cinfo);
        }
        ok = !err.failed;
    }
    jpeg_destroy_decompress(&cinfo);
    if (!ok) std::snprintf(message, message_size, "%s", err.message);
    return ok;
}

}  // namespace

std::optional<std::string> png_decode_problem(const std::string& bytes) {
    PngState state{reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), 0, {}, nullptr};
    if (png_decodes(state, std::size_t(1) << 30)) return std::nullopt;
    return std::string(state.message);
}

std::optional<std::string> jpeg_decode_problem(const std::string& bytes) {
    char message[JMSG_LENGTH_MAX] = {};
    if (jpeg_decodes(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), message, sizeof message)) {
        return std::nullopt;
    }
    return std::string(message);
}

}  // namespace compose::source
