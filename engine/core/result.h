#pragma once
// Result<T>: a value or the reason there is none. Start-up and file loading return these so the app
// can tell the user what went wrong ("no Vulkan 1.3 device: found llvmpipe 1.2") instead of aborting.
#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace fascia {

// Exit statuses of the command line: 2 for bad input (the user can fix it), 1 for internal failure.
enum class ErrorKind { BadInput = 2, Internal = 1 };

struct Error {
  std::string message;
  ErrorKind kind = ErrorKind::BadInput;

  int exit_status() const { return static_cast<int>(kind); }
};

inline Error bad_input(std::string message) {
  return {std::move(message), ErrorKind::BadInput};
}
inline Error internal_error(std::string message) {
  return {std::move(message), ErrorKind::Internal};
}

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}
  Result(Error error) : v_(std::move(error)) {}

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & {
    assert(ok());
    return std::get<0>(v_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<0>(v_);
  }
  T&& value() && {
    assert(ok());
    return std::get<0>(std::move(v_));
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  const Error& error() const {
    assert(!ok());
    return std::get<1>(v_);
  }

 private:
  std::variant<T, Error> v_;
};

// Result<void>: success or an error.
struct Ok {};
using Status = Result<Ok>;
inline Status ok_status() {
  return Ok{};
}

}  // namespace fascia

// Propagates an error from an expression returning Result<...> / Status.
#define FASCIA_TRY(expr)                                        \
  do {                                                          \
    auto fascia_try_result_ = (expr);                           \
    if (!fascia_try_result_) return fascia_try_result_.error(); \
  } while (0)
