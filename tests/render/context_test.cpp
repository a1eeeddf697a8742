#include <doctest/doctest.h>

#include "core/log.h"
#include "render/context.h"

using namespace fascia;

TEST_CASE("context: validation is on in tests and counts every message") {
  render::ContextOptions options;
  options.validation = true;
  auto ctx = render::create_context(options);
  REQUIRE_MESSAGE(ctx.ok(), (ctx.ok() ? "" : ctx.error().message));
  render::Context& c = **ctx;
  CHECK(c.messenger != VK_NULL_HANDLE);
  CHECK(c.properties.apiVersion >= VK_API_VERSION_1_3);
  CHECK(render::validation_message_count(c) == 0);

  // A deliberate misuse (reserved flags must be zero) must be reported, or render tests prove nothing.
  std::string logged;
  auto previous = set_log_handler([&](LogLevel, std::string_view m) { logged += m; });
  VkSemaphoreCreateInfo si{VK_STRUCTURE_TYPE_SEMAPHORE_CREATE_INFO};
  si.flags = 1;
  VkSemaphore s = VK_NULL_HANDLE;
  vkCreateSemaphore(c.device, &si, nullptr, &s);
  if (s) vkDestroySemaphore(c.device, s, nullptr);
  set_log_handler(previous);
  CHECK(render::validation_message_count(c) >= 1);
  CHECK(logged.find("VUID-VkSemaphoreCreateInfo-flags") != std::string::npos);
  render::destroy_context(c);
}
