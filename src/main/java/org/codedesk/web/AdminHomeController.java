package org.codedesk.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /admin}: the admin pages in one list, where the navigation's "Admin" link leads. Only the ADMIN role reaches it
 * (the security configuration's rule for {@code /admin/**}, which also matches {@code /admin}).
 */
@Controller
class AdminHomeController {

    @GetMapping("/admin")
    String admin() {
        return "web/admin";
    }
}
