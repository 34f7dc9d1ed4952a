#ifndef SANDBOX_CLIBEVENT_SHIM_H
#define SANDBOX_CLIBEVENT_SHIM_H

// System headers first: libevent's config header defines _GNU_SOURCE, and debug builds otherwise
// fail with an fd_set conflict.
#include <sys/types.h>
#include <sys/time.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <netinet/in.h>

#include <event2/event.h>
#include <event2/thread.h>
#include <event2/buffer.h>
#include <event2/bufferevent.h>
#include <event2/listener.h>
#include <event2/http.h>
#include <event2/http_struct.h>
#include <event2/keyvalq_struct.h>

#endif
