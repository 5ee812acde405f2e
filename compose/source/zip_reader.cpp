#include "compose/source/zip_reader.h"

#include <zip.h>

#include "compose/base/limits.h"

namespace compose::source {

struct ZipArchive::Impl {
    std::string bytes;  // the buffer libzip reads from: must outlive the archive
    zip_t* zip = nullptr;
    ~Impl() {
        if (zip) zip_discard(zip);
    }
};

ZipArchive::~ZipArchive() = default;

namespace {

std::string error_text(int code) {
    zip_error_t error;
    zip_error_init_with_code(&error, code);
    std::string text = zip_error_strerror(&error);
    zip_error_fini(&error);
    return text;
}

}  // namespace

std::unique_ptr<ZipArchive> ZipArchive::open(const std::string& file_name, std::string bytes,
                                             std::uint64_t max_unpacked, base::Diagnostics& diags) {
    std::unique_ptr<ZipArchive> archive(new ZipArchive);
    archive->file_name_ = file_name;
    archive->file_ = std::make_shared<const std::string>(file_name);
    archive->max_unpacked_ = max_unpacked;
    archive->impl_ = std::make_unique<Impl>();
    archive->impl_->bytes = std::move(bytes);
    const std::string& data = archive->impl_->bytes;

    // Excel 97–2003 workbooks and password-protected ones are OLE compound files, not zips
    if (data.compare(0, 4, "\xD0\xCF\x11\xE0") == 0) {
        diags.error(archive->where(), "the file is an OLE compound document (an .xls workbook, or one saved with a password), not a zip",
                    {"save it as .xlsx or .ods without a password"});
        return nullptr;
    }
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(data.data(), data.size(), 0, &error);
    if (!source) {
        diags.error(archive->where(), "cannot read the file as a zip: " + std::string(zip_error_strerror(&error)));
        zip_error_fini(&error);
        return nullptr;
    }
    // ZIP_CHECKCONS: the central directory must agree with the local headers
    archive->impl_->zip = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
    if (!archive->impl_->zip) {
        int code = zip_error_code_zip(&error);
        zip_source_free(source);
        zip_error_fini(&error);
        std::string why = error_text(code);
        std::vector<std::string> hints;
        if (code == ZIP_ER_NOZIP || code == ZIP_ER_INCONS || code == ZIP_ER_EOF) {
            hints.push_back("a spreadsheet file is a zip archive: is it truncated, or not the spreadsheet it is named as?");
        }
        diags.error(archive->where(), "cannot open the file as a zip archive: " + why, std::move(hints));
        return nullptr;
    }
    zip_error_fini(&error);
    return archive;
}

bool ZipArchive::has(const std::string& part) const { return zip_name_locate(impl_->zip, part.c_str(), 0) >= 0; }

std::optional<std::string> ZipArchive::read(const std::string& part, base::Diagnostics& diags, bool required) {
    zip_int64_t index = zip_name_locate(impl_->zip, part.c_str(), 0);
    if (index < 0) {
        if (required) diags.error(where(), "the file has no part '" + part + "'", {"is it a spreadsheet saved by a spreadsheet program?"});
        return std::nullopt;
    }
    const std::string limit = base::format_bytes(max_unpacked_);
    auto too_large = [&] {
        diags.error(where(), "'" + part + "' unpacks to more than " + limit + " (a zip bomb?)",
                    {"the limit is 8 times the file-size limit; raise it with --limit file-size=N"});
    };
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(impl_->zip, static_cast<zip_uint64_t>(index), 0, &stat) == 0 && (stat.valid & ZIP_STAT_SIZE) &&
        stat.size > max_unpacked_ - std::min(unpacked_, max_unpacked_)) {
        too_large();
        return std::nullopt;
    }
    zip_file_t* file = zip_fopen_index(impl_->zip, static_cast<zip_uint64_t>(index), 0);
    if (!file) {
        diags.error(where(), "cannot unpack '" + part + "': " + zip_strerror(impl_->zip));
        return std::nullopt;
    }
    // the declared size is only a claim: count what actually unpacks
    std::string out;
    char piece[1 << 16];
    for (;;) {
        zip_int64_t got = zip_fread(file, piece, sizeof piece);
        if (got < 0) {
            diags.error(where(), "cannot unpack '" + part + "': " + zip_file_strerror(file),
                        {"is the file truncated or damaged?"});
            zip_fclose(file);
            return std::nullopt;
        }
        if (got == 0) break;
        unpacked_ += static_cast<std::uint64_t>(got);
        if (unpacked_ > max_unpacked_) {
            too_large();
            zip_fclose(file);
            return std::nullopt;
        }
        out.append(piece, static_cast<std::size_t>(got));
    }
    int closed = zip_fclose(file);
    if (closed != 0) {  // a CRC mismatch shows here
        diags.error(where(), "cannot unpack '" + part + "': " + error_text(closed), {"is the file damaged?"});
        return std::nullopt;
    }
    return out;
}

}  // namespace compose::source
