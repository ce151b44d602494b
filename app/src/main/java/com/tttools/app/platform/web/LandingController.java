package com.tttools.app.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The public landing page that says what TTtools is. */
@Controller
class LandingController {

    @GetMapping("/")
    String landing() {
        return "index";
    }
}
